import { redirect } from "next/navigation";

// The console opens on the screen agents use most.
export default function Home() {
  redirect("/profiles");
}
