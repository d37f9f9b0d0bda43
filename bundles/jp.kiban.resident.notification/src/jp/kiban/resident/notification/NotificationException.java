package jp.kiban.resident.notification;

import java.util.List;

import jp.kiban.core.DomainException;

/**
 * A refusal of the 本人通知 functions: English through {@link #getMessage()}, Japanese for the counter through
 * {@code getMessage(Locale.JAPANESE)} (texts in {@code jp/kiban/resident/notification/messages*.properties}).
 */
public class NotificationException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotificationException(String code, Object... args) {
        super(code, args);
    }

    @Override
    protected List<String> messageBundles() {
        return List.of("jp.kiban.resident.notification.messages");
    }
}
