package dev.streamscout.app.logging;

import java.io.Writer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A writer that turns every line written to it into one log event. In JSON mode the commands' own
 * console output (the "is running" banner with its URLs, the reason for stopping) goes through it, so
 * stdout holds nothing but JSON lines.
 */
public final class LogLineWriter extends Writer {

    private final Logger logger;
    private final Level level;
    private final StringBuilder line = new StringBuilder();

    public LogLineWriter(String loggerName, Level level) {
        this.logger = LogManager.getLogger(loggerName);
        this.level = level;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        String text = line.toString().strip();
        line.setLength(0);
        if (!text.isEmpty()) {
            logger.log(level, text);
        }
    }

    /** A partial line stays buffered until its newline, so one println is one event. */
    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
        emit();
    }
}
