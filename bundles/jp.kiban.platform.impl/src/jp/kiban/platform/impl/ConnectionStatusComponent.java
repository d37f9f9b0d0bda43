package jp.kiban.platform.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jp.kiban.platform.ConnectionStatus;
import jp.kiban.platform.KibanEnvironment;

/**
 * The link to the central store. Until synchronisation exists (see the sync issue) a configured
 * {@code central.url} is reported as OFFLINE: the terminal works alone and says so, rather than
 * pretending to be connected.
 */
@Component(service = ConnectionStatus.class)
public class ConnectionStatusComponent implements ConnectionStatus {

    @Reference
    private KibanEnvironment environment;

    @Override
    public State state() {
        return centralAddress().isEmpty() ? State.NOT_CONFIGURED : State.OFFLINE;
    }

    @Override
    public String centralAddress() {
        return environment.setting("central.url", "").strip();
    }
}
