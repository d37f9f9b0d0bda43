package jp.kiban.resident.impl;

import java.time.LocalDate;
import java.util.List;

import jp.kiban.resident.ChangeReason;

/** What a validated change will write: its snapshots (new persons first have 履歴番号 1). */
record Plan(ChangeReason reason, LocalDate changeDate, LocalDate notificationDate, String description,
        String cancelledChangeId, List<Draft> drafts) {
}
