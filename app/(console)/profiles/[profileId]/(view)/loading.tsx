import { ProfileSkeleton } from "@/components/profiles/profile-skeleton";

export default ProfileSkeleton;
