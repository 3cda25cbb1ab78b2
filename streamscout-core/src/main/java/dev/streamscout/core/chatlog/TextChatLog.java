package dev.streamscout.core.chatlog;

import dev.streamscout.core.chat.ChatMessage;
import dev.streamscout.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line-based formats: tcd text, rechat text, plain offset logs and JSON lines of ChatMessage. */
final class TextChatLog extends ChatLog {

    static final Pattern TCD = Pattern.compile("^\\[(\\d+):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?\\] <([^>\\s]*)> ?(.*)$");
    static final Pattern RECHAT = Pattern.compile("^(\\d{9,13}) ([^:\\s]+): ?(.*)$");
    static final Pattern PLAIN = Pattern.compile("^(\\d+):(\\d{1,2}):(\\d{1,2}) (.*)$");

    private final BufferedReader reader;
    private final ChatLogOptions options;
    private long lineNumber;

    TextChatLog(ChatLogFormat format, BufferedReader reader, ChatLogOptions options) {
        super(format);
        this.reader = reader;
        this.options = options;
    }

    @Override
    protected ChatMessage readNext() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            ChatMessage message = parse(line);
            if (message != null) {
                return message;
            }
            countMalformed();
        }
        return null;
    }

    private ChatMessage parse(String line) {
        switch (format()) {
            case TCD_TEXT -> {
                Matcher m = TCD.matcher(line);
                return m.matches()
                        ? message(m.group(4), m.group(5), offsetMs(m.group(1), m.group(2), m.group(3)))
                        : null;
            }
            case RECHAT_TEXT -> {
                Matcher m = RECHAT.matcher(line);
                if (!m.matches()) {
                    return null;
                }
                long value = Long.parseLong(m.group(1));
                long epochMs = m.group(1).length() >= 12 ? value : value * 1000L; // seconds or milliseconds
                return message(m.group(2), m.group(3), epochMs);
            }
            case PLAIN_OFFSET -> {
                Matcher m = PLAIN.matcher(line);
                return m.matches() ? message(null, m.group(4), offsetMs(m.group(1), m.group(2), m.group(3))) : null;
            }
            case CHAT_MESSAGE_JSONL -> {
                try {
                    ChatMessage m = Json.fromString(line, ChatMessage.class);
                    return m.message() == null || m.timestamp() <= 0 ? null : m;
                } catch (RuntimeException e) { // MalformedJsonException and bad field values alike
                    return null;
                }
            }
            default -> throw new IllegalStateException("not a text format: " + format());
        }
    }

    private long offsetMs(String h, String m, String s) {
        int minutes = Integer.parseInt(m);
        int seconds = Integer.parseInt(s);
        if (minutes > 59 || seconds > 59) {
            return -1;
        }
        return options.vodStartMs() + (Long.parseLong(h) * 3600 + minutes * 60L + seconds) * 1000L;
    }

    private ChatMessage message(String user, String text, long timestampMs) {
        if (timestampMs < 0) {
            return null;
        }
        return new ChatMessage(options.channel(), options.channel(), null, user, user, text, timestampMs,
                List.of(), format().name().toLowerCase() + ":" + lineNumber);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
