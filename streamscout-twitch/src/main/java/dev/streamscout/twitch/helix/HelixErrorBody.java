package dev.streamscout.twitch.helix;

/**
 * The error body Twitch sends with a non-2xx Helix response:
 * {@code {"error":"Not Found","status":404,"message":"..."}}. Callers should branch on the HTTP
 * status, never on {@link #message()} (Twitch may reword it).
 *
 * @param error   HTTP reason phrase as Twitch spells it, may be empty
 * @param status  status code repeated in the body (0 when the body lacked it)
 * @param message human-readable explanation, may be empty
 */
public record HelixErrorBody(String error, int status, String message) {

    public HelixErrorBody {
        error = error == null ? "" : error;
        message = message == null ? "" : message;
    }
}
