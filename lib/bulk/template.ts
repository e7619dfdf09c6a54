// The file the upload page offers to start from: every column, and one row for each way
// of using them (a grant for a length, a grant until a date, a revoke, a customer named
// by Adapty's profile id). Dates are far enough ahead to stay valid for years.
export const TEMPLATE_CSV = [
  "customer_user_id,profile_id,access_level_id,action,duration,expires_at,starts_at,revoke_at,reason,ticket",
  "user-1001,,premium,grant,1m,,,,Referral reward,ZD-1234",
  'user-1002,,premium,grant,,2035-12-31,,,"Outage compensation, December",',
  "user-1003,,premium,revoke,,,,,Refunded through the store,ZD-1240",
  ",9c1e5a70-0000-4000-8000-000000000001,premium,grant,7d,,2035-01-01 09:00,,Beta tester,",
  "",
].join("\r\n");
