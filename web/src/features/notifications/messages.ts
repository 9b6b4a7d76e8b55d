/** Messages of the notification bell. Each producer adds its own `notification.<kind>` texts. */
export const notificationsEn = {
  "notifications.bell": "Notifications",
  "notifications.unread": "{count} unread",
  "notifications.empty": "No notifications.",
  "notifications.markAll": "Mark all read",
  "notifications.more": "Older",
  "notification.learning.certification.expiring":
    "Your {certification} expires on {expiresOn} ({daysLeft} days left): plan the renewal",
  "notification.learning.certification.expired": "Your {certification} expired on {expiresOn}",
  "notification.learning.certification.expiring.other":
    "{person}'s {certification} expires on {expiresOn} ({daysLeft} days left)",
  "notification.learning.certification.expired.other": "{person}'s {certification} expired on {expiresOn}",
};

export const notificationsJa: Record<keyof typeof notificationsEn, string> = {
  "notifications.bell": "お知らせ",
  "notifications.unread": "未読 {count} 件",
  "notifications.empty": "お知らせはありません。",
  "notifications.markAll": "すべて既読にする",
  "notifications.more": "さらに表示",
  "notification.learning.certification.expiring":
    "あなたの{certification}は{expiresOn}に有効期限を迎えます（残り{daysLeft}日）。更新を計画してください",
  "notification.learning.certification.expired": "あなたの{certification}は{expiresOn}に有効期限が切れました",
  "notification.learning.certification.expiring.other":
    "{person}さんの{certification}は{expiresOn}に有効期限を迎えます（残り{daysLeft}日）",
  "notification.learning.certification.expired.other":
    "{person}さんの{certification}は{expiresOn}に有効期限が切れました",
};
