import type { Metadata } from "next";
import { ProfilePage, type ProfileSearchParams } from "@/app/(console)/profiles/profile-page";
import { decodeSegment } from "@/lib/profiles/decode-segment";
import { readTicketParam } from "@/lib/change/ticket";

type Props = { params: Promise<{ profileId: string }>; searchParams: ProfileSearchParams };

// Next.js 16 hands generateMetadata the segment already decoded (the page gets it
// percent-encoded, see decode-segment.ts): decoding it again turned vip%2541 into "vipA".
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).profileId.slice(0, 80) };
}

/** /profiles/<Adapty profile id>; `?saved=1` after an edit says it was saved. */
export default async function ProfileByIdPage({ params, searchParams }: Props) {
  const { profileId } = await params;
  const query = await searchParams;
  const { ticket, saved } = query;
  return (
    <ProfilePage
      user={{ profileId: decodeSegment(profileId) }}
      ticket={readTicketParam(ticket)}
      saved={saved !== undefined}
      params={query}
    />
  );
}
