package jp.kiban.security.impl;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jp.kiban.core.DomainException.Label;
import jp.kiban.platform.Role;
import jp.kiban.security.SecurityRefusal;

/** Checks of what people type into login and administration forms; refusals never echo the input. */
final class Inputs {
    static final int ID_MAX = 32;
    static final int NAME_MAX = 100;
    static final int PASSWORD_MAX = 128;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern BUSINESS = Pattern.compile("[a-z][a-z0-9_-]*");

    private Inputs() {
    }

    static boolean hasControl(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static String text(String s, String label, int max) {
        String t = s == null ? "" : s.strip();
        if (t.isEmpty()) {
            throw new SecurityRefusal("input.blank", new Label(label));
        }
        if (hasControl(s)) {
            throw new SecurityRefusal("input.control", new Label(label));
        }
        if (t.length() > max) {
            throw new SecurityRefusal("input.tooLong", new Label(label), max);
        }
        return t;
    }

    /** A login or unit id: lower-case letters, digits, '.', '_', '-'; at most 32. */
    static String id(String s, String label) {
        String t = text(s, label, ID_MAX);
        if (!ID.matcher(t).matches()) {
            throw new SecurityRefusal("input.format", new Label(label), "a-z 0-9 . _ -");
        }
        return t;
    }

    static String name(String s) {
        return text(s, "name", NAME_MAX);
    }

    /** An optional unit code: empty for none. */
    static String unit(String s) {
        return s == null || s.isBlank() ? "" : id(s, "unit");
    }

    static Set<String> businesses(Set<String> in) {
        Set<String> out = new TreeSet<>();
        for (String b : in) {
            String t = text(b, "business", ID_MAX).toLowerCase(Locale.ROOT);
            if (!BUSINESS.matcher(t).matches()) {
                throw new SecurityRefusal("input.format", new Label("business"), "a-z 0-9 _ -");
            }
            out.add(t);
        }
        return out;
    }

    static String join(Set<?> values) {
        return String.join(",", values.stream().map(Object::toString).sorted().toList());
    }

    static Set<Role> roles(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : csv.split(",")) {
            if (!r.isBlank()) {
                try {
                    roles.add(Role.valueOf(r.strip()));
                } catch (IllegalArgumentException e) {
                    // a role of a newer version: ignored here
                }
            }
        }
        return roles;
    }

    static Set<String> set(String csv) {
        Set<String> s = new LinkedHashSet<>();
        for (String b : csv.split(",")) {
            if (!b.isBlank()) {
                s.add(b.strip());
            }
        }
        return s;
    }

    /** For the log: at most {@code max} characters, control characters replaced. */
    static String clean(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return b.toString();
    }

    /**
     * The password policy: {@code minLength}..128 characters, no control characters, letters mixed with
     * digits or symbols, not containing the user id.
     */
    static void password(char[] p, String userId, int minLength) {
        if (p == null || p.length == 0) {
            throw new SecurityRefusal("input.blank", new Label("password"));
        }
        if (p.length < minLength) {
            throw new SecurityRefusal("password.tooShort", minLength);
        }
        if (p.length > PASSWORD_MAX) {
            throw new SecurityRefusal("password.tooLong", PASSWORD_MAX);
        }
        String s = new String(p);
        if (hasControl(s)) {
            throw new SecurityRefusal("password.control");
        }
        boolean letter = false;
        boolean other = false;
        for (char c : p) {
            if (Character.isLetter(c)) {
                letter = true;
            } else if (!Character.isWhitespace(c)) {
                other = true;
            }
        }
        if (!letter || !other) {
            throw new SecurityRefusal("password.classes");
        }
        if (userId != null && !userId.isEmpty() && s.toLowerCase(Locale.ROOT).contains(userId.toLowerCase(Locale.ROOT))) {
            throw new SecurityRefusal("password.containsId");
        }
    }
}
