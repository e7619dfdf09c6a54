/**
 * Adapty's own terms in its Chinese, Japanese and Vietnamese documentation (the pages in
 * ../shared/seeds/), and the console's words for its own notions, used the same way in every
 * message: wherever the English says the term, the translation says the glossary's word.
 * Checked by lib/i18n/glossary.test.ts.
 */
export const GLOSSARY: { english: RegExp; "zh-CN": RegExp; ja: RegExp; vi: RegExp }[] = [
  { english: /access level/i, "zh-CN": /访问等级/, ja: /アクセスレベル/, vi: /mức độ truy cập/i },
  { english: /\bprofile\b/i, "zh-CN": /用户画像/, ja: /プロファイル/, vi: /hồ sơ/i },
  { english: /customer user id/i, "zh-CN": /客户用户 ID/, ja: /顧客ユーザー ID/, vi: /ID người dùng khách hàng/i },
  { english: /\bgrant(s|ed)?\b/i, "zh-CN": /授予/, ja: /付与/, vi: /\bcấp\b/i },
  { english: /\brevok(e|ed|ing)\b/i, "zh-CN": /撤销/, ja: /取り消/, vi: /thu hồi/i },
  { english: /audit log/i, "zh-CN": /审计日志/, ja: /監査ログ/, vi: /nhật ký kiểm tra/i },
  { english: /subscription/i, "zh-CN": /订阅/, ja: /サブスクリプション/, vi: /gói đăng ký/i },
  { english: /custom attribute/i, "zh-CN": /自定义属性/, ja: /カスタム属性/, vi: /thuộc tính tùy chỉnh/i },
  { english: /grace period/i, "zh-CN": /宽限期/, ja: /グレース期間/, vi: /thời gian ân hạn/i },
  { english: /billing issue/i, "zh-CN": /账单问题/, ja: /請求問題/, vi: /vấn đề thanh toán/i },
  { english: /\bsign(ed|s)? in\b|sign-in/i, "zh-CN": /登录/, ja: /サインイン/, vi: /đăng nhập/i },
  { english: /\bsign(ed)? out\b/i, "zh-CN": /退出登录/, ja: /サインアウト/, vi: /đăng xuất/i },
  { english: /\breason\b/i, "zh-CN": /原因/, ja: /理由/, vi: /lý do/i },
  { english: /\bticket\b/i, "zh-CN": /工单/, ja: /チケット/, vi: /phiếu/i },
  { english: /\blifetime\b/i, "zh-CN": /永久/, ja: /無期限/, vi: /trọn đời/i },
  { english: /\bstaff\b/i, "zh-CN": /员工/, ja: /スタッフ/, vi: /nhân viên/i },
];
