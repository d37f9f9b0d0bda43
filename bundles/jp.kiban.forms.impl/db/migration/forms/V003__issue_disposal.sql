-- 処分情報 (標準仕様書 1.3.8): a certificate issued by mistake and destroyed is marked, never deleted.
ALTER TABLE forms_issue_history ADD COLUMN disposed_at TIMESTAMP;
ALTER TABLE forms_issue_history ADD COLUMN disposed_by VARCHAR(64);
ALTER TABLE forms_issue_history ADD COLUMN disposed_note VARCHAR(1000);
