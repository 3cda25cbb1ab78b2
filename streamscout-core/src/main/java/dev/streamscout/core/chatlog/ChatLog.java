package dev.streamscout.core.chatlog;

import dev.streamscout.core.chat.ChatMessage;
import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An open chat log: its messages in file order, read lazily, and the count of entries that could not
 * be read. Bad entries are skipped and counted, never thrown.
 */
public abstract class ChatLog implements Iterator<ChatMessage>, Closeable {

    private final ChatLogFormat format;
    private long malformed;
    private long read;
    private ChatMessage next;
    private boolean done;
    private java.util.function.BooleanSupplier cutShort = () -> false;

    protected ChatLog(ChatLogFormat format) {
        this.format = format;
    }

    public ChatLogFormat format() {
        return format;
    }

    /** Entries skipped because they could not be understood so far. */
    public long malformed() {
        return malformed;
    }

    /** Messages handed out so far. */
    public long messagesRead() {
        return read;
    }

    /** Tells the log how to find out, at its end, whether the file was cut off. */
    void onEnd(java.util.function.BooleanSupplier truncated) {
        this.cutShort = truncated;
    }

    protected void countMalformed() {
        malformed++;
    }

    /** The next message in the file, or null at the end; counts and skips what it cannot read. */
    protected abstract ChatMessage readNext() throws IOException;

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = readNext();
            } catch (IOException e) {
                // A truncated or corrupt file ends the log where it broke; what came before is kept.
                countMalformed();
                next = null;
            }
            done = next == null;
            if (done && cutShort.getAsBoolean()) {
                countMalformed(); // the file was cut off: one unreadable tail
                cutShort = () -> false;
            }
        }
        return next != null;
    }

    @Override
    public ChatMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ChatMessage result = next;
        next = null;
        read++;
        return result;
    }
}
