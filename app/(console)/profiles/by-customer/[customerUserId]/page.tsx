import type { Metadata } from "next";
import { ProfilePage, type ProfileSearchParams } from "@/app/(console)/profiles/profile-page";
import { decodeSegment } from "@/lib/profiles/decode-segment";
import { readTicketParam } from "@/lib/change/ticket";

type Props = { params: Promise<{ customerUserId: string }>; searchParams: ProfileSearchParams };

// Next.js 16 hands generateMetadata the segment already decoded (the page gets it
// percent-encoded, see decode-segment.ts): decoding it again turned vip%2541 into "vipA".
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await params).customerUserId.slice(0, 80) };
}

/** /profiles/by-customer/<customer user id, URL-encoded> */
export default async function ProfileByCustomerPage({ params, searchParams }: Props) {
  const { customerUserId } = await params;
  const query = await searchParams;
  return (
    <ProfilePage
      user={{ customerUserId: decodeSegment(customerUserId) }}
      ticket={readTicketParam(query.ticket)}
      params={query}
    />
  );
}
