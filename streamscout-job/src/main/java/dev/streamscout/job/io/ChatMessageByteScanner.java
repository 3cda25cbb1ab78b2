package dev.streamscout.job.io;

import dev.streamscout.core.chat.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The common case of {@link ChatMessageJsonReader}, read straight from the UTF-8 bytes: one flat
 * object whose text fields are strings without escapes or control characters, a plain integer
 * {@code timestamp}, {@code emotes} an array of such strings, other fields plain scalars. Creating a
 * Jackson parser per record (its buffers, contexts and recycler lookups) cost more than reading the
 * record. Anything else (an escape, a number where text is expected, nesting, bytes that are not
 * valid UTF-8, malformed input) makes {@link #read} answer null, and the caller reads the record with
 * Jackson, so every record reads exactly as the token reader reads it.
 */
final class ChatMessageByteScanner {

    private static final byte[] CHANNEL_ID = bytes("channel_id");
    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] USER_ID = bytes("user_id");
    private static final byte[] USERNAME = bytes("username");
    private static final byte[] DISPLAY_NAME = bytes("display_name");
    private static final byte[] MESSAGE = bytes("message");
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] EMOTES = bytes("emotes");
    private static final byte[] MESSAGE_ID = bytes("message_id");
    private static final int MAX_DIGITS = 18;

    private final byte[] b;
    private int pos;
    /** Content of the last string read: from {@link #strFrom} to {@link #strTo} (exclusive). */
    private int strFrom;
    private int strTo;
    /** Whether the last string read was all ASCII (then its bytes are its characters). */
    private boolean strAscii;

    private ChatMessageByteScanner(byte[] bytes) {
        this.b = bytes;
    }

    /** The message, or null when the record is not of the plain shape this reads (read it with Jackson). */
    static ChatMessage read(byte[] json) {
        return new ChatMessageByteScanner(json).message();
    }

    private ChatMessage message() {
        skipSpace();
        if (!expect('{')) {
            return null;
        }
        String channelId = null;
        String channel = null;
        String userId = null;
        String username = null;
        String displayName = null;
        String message = null;
        long timestamp = 0;
        List<String> emotes = null;
        String messageId = null;
        skipSpace();
        if (peek() == '}') {
            return null; // no channel_id: let the token reader fail as the record does
        }
        while (true) {
            skipSpace();
            if (!plainString()) {
                return null;
            }
            int keyFrom = strFrom;
            int keyTo = strTo;
            for (int i = keyFrom; i < keyTo; i++) {
                if (b[i] < 0) {
                    return null; // a name outside ASCII: Jackson decides whether it is valid UTF-8
                }
            }
            skipSpace();
            if (!expect(':')) {
                return null;
            }
            skipSpace();
            int c = peek();
            if (is(keyFrom, keyTo, TIMESTAMP)) {
                if (c == 'n') {
                    if (!literal("null")) {
                        return null;
                    }
                    timestamp = 0;
                } else {
                    long[] out = new long[1];
                    if (!integer(out)) {
                        return null;
                    }
                    timestamp = out[0];
                }
            } else if (is(keyFrom, keyTo, EMOTES)) {
                if (c == 'n') {
                    if (!literal("null")) {
                        return null;
                    }
                    emotes = null;
                } else {
                    emotes = stringArray();
                    if (emotes == null) {
                        return null;
                    }
                }
            } else {
                byte[] known = knownTextField(keyFrom, keyTo);
                if (known != null) {
                    String value;
                    if (c == 'n') {
                        if (!literal("null")) {
                            return null;
                        }
                        value = null;
                    } else {
                        if (!plainString()) {
                            return null;
                        }
                        value = decode(strFrom, strTo);
                        if (value == null) {
                            return null;
                        }
                    }
                    if (known == CHANNEL_ID) {
                        channelId = value;
                    } else if (known == CHANNEL) {
                        channel = value;
                    } else if (known == USER_ID) {
                        userId = value;
                    } else if (known == USERNAME) {
                        username = value;
                    } else if (known == DISPLAY_NAME) {
                        displayName = value;
                    } else if (known == MESSAGE) {
                        message = value;
                    } else {
                        messageId = value;
                    }
                } else if (!skipScalar()) {
                    return null;
                }
            }
            skipSpace();
            int next = next();
            if (next == '}') {
                break;
            }
            if (next != ',') {
                return null;
            }
        }
        if (channelId == null) {
            return null;
        }
        return new ChatMessage(channelId, channel, userId, username, displayName, message, timestamp, emotes,
                messageId);
    }

    private byte[] knownTextField(int from, int to) {
        switch (to - from) {
            case 7:
                return is(from, to, CHANNEL) ? CHANNEL : is(from, to, USER_ID) ? USER_ID : is(from, to, MESSAGE)
                        ? MESSAGE : null;
            case 8:
                return is(from, to, USERNAME) ? USERNAME : null;
            case 10:
                return is(from, to, CHANNEL_ID) ? CHANNEL_ID : is(from, to, MESSAGE_ID) ? MESSAGE_ID : null;
            case 12:
                return is(from, to, DISPLAY_NAME) ? DISPLAY_NAME : null;
            default:
                return null;
        }
    }

    private boolean is(int from, int to, byte[] name) {
        return Arrays.equals(b, from, to, name, 0, name.length);
    }

    /** A string without escapes or control characters; sets {@link #strFrom}/{@link #strTo} to its content. */
    private boolean plainString() {
        if (!expect('"')) {
            return false;
        }
        int from = pos;
        int i = from;
        boolean ascii = true;
        while (i < b.length) {
            byte c = b[i];
            if (c == '"') {
                strFrom = from;
                strTo = i;
                strAscii = ascii;
                pos = i + 1;
                return true;
            }
            if (c < 0x20) {
                if (c >= 0) {
                    return false; // a control character: Jackson rejects it
                }
                ascii = false;
            } else if (c == '\\') {
                return false;
            }
            i++;
        }
        return false;
    }

    /** The string's text, or null when its bytes are not valid UTF-8 (Jackson decides what that means). */
    private String decode(int from, int to) {
        if (strAscii) {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }
        String s = new String(b, from, to - from, StandardCharsets.UTF_8);
        return s.indexOf('\uFFFD') >= 0 ? null : s;
    }

    private List<String> stringArray() {
        if (!expect('[')) {
            return null;
        }
        List<String> out = new ArrayList<>(2);
        skipSpace();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipSpace();
            if (!plainString()) {
                return null;
            }
            String s = decode(strFrom, strTo);
            if (s == null) {
                return null;
            }
            out.add(s);
            skipSpace();
            int next = next();
            if (next == ']') {
                return out;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    /** A plain JSON integer that fits in {@value #MAX_DIGITS} digits. */
    private boolean integer(long[] out) {
        boolean negative = peek() == '-';
        if (negative) {
            pos++;
        }
        int from = pos;
        long value = 0;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            value = value * 10 + (b[pos] - '0');
            pos++;
        }
        int digits = pos - from;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && b[from] == '0')) {
            return false;
        }
        int c = peek();
        if (c == '.' || c == 'e' || c == 'E') {
            return false;
        }
        out[0] = negative ? -value : value;
        return true;
    }

    /** An unknown field's value: a plain string, an integer, true, false or null. */
    private boolean skipScalar() {
        int c = peek();
        if (c == '"') {
            return plainString() && decode(strFrom, strTo) != null;
        }
        if (c == 'n') {
            return literal("null");
        }
        if (c == 't') {
            return literal("true");
        }
        if (c == 'f') {
            return literal("false");
        }
        return integer(new long[1]);
    }

    private boolean literal(String word) {
        int n = word.length();
        if (pos + n > b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        // The literal must end there ("nullx" is not null).
        int c = peek();
        return c == -1 || c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void skipSpace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean expect(char c) {
        if (pos < b.length && b[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private int peek() {
        return pos < b.length ? b[pos] : -1;
    }

    private int next() {
        return pos < b.length ? b[pos++] : -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
