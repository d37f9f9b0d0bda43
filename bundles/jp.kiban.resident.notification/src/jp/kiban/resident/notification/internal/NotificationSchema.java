package jp.kiban.resident.notification.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;

import jp.kiban.persistence.SchemaContribution;

/** Schema module {@code resident_notification}: the 本人通知 tables (db/migration/resident_notification). */
@Component(service = SchemaContribution.class)
public class NotificationSchema implements SchemaContribution {
    @Override
    public String module() {
        return "resident_notification";
    }

    @Override
    public String migrationPath() {
        return "/db/migration/resident_notification";
    }

    @Override
    public List<Class<?>> entityClasses() {
        return List.of(RegistrationEntity.class, NoticeEntity.class, RequesterEntity.class);
    }
}
