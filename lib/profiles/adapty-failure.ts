// What the browser learns about a failed Adapty request: the kind (which decides the
// words it shows) and the references an engineer needs. Never a message or a stack.
export interface AdaptyFailure {
  kind:
    | "not_found"
    | "key_rejected"
    | "rate_limited"
    | "unavailable"
    | "timeout"
    | "unexpected_response"
    | "invalid_request";
  status?: number;
  errorCode?: string;
  requestId?: string;
}
