import http from "node:http";
import { CONSOLE_PORT } from "./servers";

/**
 * One HTTP request with exactly the headers given — Host included, which fetch will not
 * let a caller choose — as an attacker's script sends it.
 */
export function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: CONSOLE_PORT,
        method,
        path,
        headers: { "content-length": String(Buffer.byteLength(body)), ...headers },
        setHost: !("host" in headers),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
