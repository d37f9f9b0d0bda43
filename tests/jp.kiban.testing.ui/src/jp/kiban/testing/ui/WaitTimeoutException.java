package jp.kiban.testing.ui;

/** A bounded wait ran out: the UI did not reach the expected state in time. */
public class WaitTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WaitTimeoutException(String message) {
        super(message);
    }
}
