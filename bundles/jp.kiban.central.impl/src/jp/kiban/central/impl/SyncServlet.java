package jp.kiban.central.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.logging.Level;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.kiban.central.CentralRefusal;
import jp.kiban.central.CentralStore;
import jp.kiban.central.Terminal;
import jp.kiban.sync.protocol.SyncProtocol;
import jp.kiban.sync.protocol.SyncProtocol.Decision;
import jp.kiban.sync.protocol.SyncProtocol.Failure;
import jp.kiban.sync.protocol.SyncProtocol.LeaseRequest;
import jp.kiban.sync.protocol.SyncProtocol.PushRequest;
import jp.kiban.sync.protocol.SyncProtocol.TerminalRequest;

/**
 * The sync HTTP API ({@link SyncProtocol}) over a {@link CentralStore}. The terminal and so the
 * municipality come from the bearer token only; ids in paths and bodies are looked up inside that
 * municipality. Every refusal is logged with the terminal and what it asked for.
 */
public class SyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** 1,000 events of at most 32,000 characters each, with room for the JSON around them. */
    static final int MAX_BODY = 40 * 1024 * 1024;

    private final transient CentralStore store;
    private final transient Supplier<String> adminToken;
    private final transient ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final transient AuthFailures failures;

    /** @param adminToken the administrator's token for terminal registration; empty disables registration over HTTP */
    public SyncServlet(CentralStore store, Supplier<String> adminToken) {
        this(store, adminToken, new AuthFailures(10, java.time.Duration.ofMinutes(5), java.time.Clock.systemUTC()));
    }

    /** @param failures the rate limit on failed authentications (per remote address) */
    public SyncServlet(CentralStore store, Supplier<String> adminToken, AuthFailures failures) {
        this.store = store;
        this.adminToken = adminToken;
        this.failures = failures;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        String from = req.getRemoteAddr();
        long blocked = failures.blockedFor(from);
        if (blocked > 0) {
            CentralStoreImpl.LOG.warning("Refused: " + method + " " + path + " from " + from
                    + ": too many failed authentications, blocked for " + blocked + " s more");
            resp.setHeader("Retry-After", Long.toString(blocked));
            send(resp, 429, new Failure("too_many_failures", "too many failed authentications; try again in " + blocked + " s"));
            return;
        }
        try {
            if (path.equals("/admin/terminals") && method.equals("POST")) {
                String expected = adminToken.get();
                if (expected == null || expected.isBlank() || !constantTimeEquals(expected.strip(), bearer(req))) {
                    CentralStoreImpl.LOG.warning("Refused: terminal registration with a wrong administrator token from "
                            + req.getRemoteAddr());
                    failed(from);
                    send(resp, 401, new Failure("unauthorized", "administrator token required"));
                    return;
                }
                TerminalRequest r = read(req, TerminalRequest.class);
                send(resp, 200, store.registerTerminal(r.municipalityCode(), r.name()));
                return;
            }
            Terminal t = store.authenticate(bearer(req)).orElse(null);
            if (t == null) {
                CentralStoreImpl.LOG.warning("Refused: " + method + " " + path + " without a valid terminal token from "
                        + req.getRemoteAddr());
                failed(from);
                send(resp, 401, new Failure("unauthorized", "unknown or revoked terminal token"));
                return;
            }
            failures.succeeded(from);
            switch (method + " " + (path.startsWith("/conflicts/") ? "/conflicts/{id}" : path)) {
                case "GET /terminal" -> send(resp, 200, store.info(t));
                case "POST /push" -> {
                    PushRequest r = read(req, PushRequest.class);
                    send(resp, 200, store.push(t, r.events()));
                }
                case "GET /pull" -> send(resp, 200, store.pull(t, longParam(req, "since", 0), (int) longParam(req, "max", 500)));
                case "GET /replica" -> send(resp, 200,
                        store.replica(t, longParam(req, "after", 0), (int) longParam(req, "max", 1000)));
                case "GET /conflicts" -> send(resp, 200, new SyncProtocol.ConflictList(
                        store.conflicts(t, !"true".equals(req.getParameter("all")))));
                case "POST /conflicts/{id}" -> {
                    String id = path.substring("/conflicts/".length());
                    send(resp, 200, store.decide(t, id, read(req, Decision.class)));
                }
                case "POST /leases" -> send(resp, 200, store.lease(t, read(req, LeaseRequest.class)));
                default -> send(resp, 404, new Failure("not_found", method + " " + path));
            }
        } catch (CentralRefusal e) {
            send(resp, e.kind().status(), new Failure(e.kind().name().toLowerCase(), e.getMessage()));
        } catch (BadRequest e) {
            send(resp, 400, new Failure("bad_request", e.getMessage()));
        } catch (CentralStoreImpl.Unavailable e) {
            CentralStoreImpl.LOG.log(Level.WARNING, "Central store unavailable: " + e.getMessage(), e);
            send(resp, 503, new Failure("unavailable", "the central store is not available; try again later"));
        } catch (RuntimeException e) {
            CentralStoreImpl.LOG.log(Level.SEVERE, "Failure in " + method + " " + path, e);
            send(resp, 500, new Failure("internal", "internal error; see the central server's log"));
        }
    }

    private void failed(String from) {
        if (failures.failed(from)) {
            CentralStoreImpl.LOG.warning("Refused from now on: " + from + " after too many failed authentications");
        }
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return b != null && java.security.MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String bearer(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : null;
    }

    private static long longParam(HttpServletRequest req, String name, long dflt) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a number: " + v);
        }
    }

    private <T> T read(HttpServletRequest req, Class<T> type) throws IOException {
        if (req.getContentLengthLong() > MAX_BODY) {
            throw new BadRequest("request body over " + MAX_BODY + " bytes");
        }
        try (InputStream in = req.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BadRequest("request body over " + MAX_BODY + " bytes");
            }
            T value = json.readValue(body, type);
            if (value == null) {
                throw new BadRequest("empty request body");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON: " + e.getOriginalMessage());
        }
    }

    private void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        json.writeValue(resp.getOutputStream(), body);
    }
}
