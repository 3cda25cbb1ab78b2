package dev.streamscout.twitch.auth;

/** How secrets appear in logs and {@code toString()}: at most their first four characters. */
public final class Redact {

    private Redact() {}

    /** {@code "abcd…(30 chars)"}; {@code "<none>"} for null or empty; short secrets show nothing. */
    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "<none>";
        }
        if (secret.length() <= 8) {
            // Four characters of an eight-character secret would be half of it.
            return "****(" + secret.length() + " chars)";
        }
        return secret.substring(0, 4) + "…(" + secret.length() + " chars)";
    }
}
