package jp.kiban.central;

/** A request the central store refuses; {@link #kind()} says which HTTP status answers it. */
public class CentralRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Malformed: 400. */
        BAD_REQUEST(400),
        /** Another municipality's data, or a crafted id: 403 (and logged). */
        FORBIDDEN(403),
        /** 404. */
        NOT_FOUND(404),
        /** Already decided, or otherwise in the wrong state: 409. */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public CentralRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
