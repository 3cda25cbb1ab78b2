package dev.streamscout.core.chatlog;

import java.io.IOException;

/** The file is not in any chat log format StreamScout reads. */
public class UnrecognisedChatLogException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnrecognisedChatLogException(String message) {
        super(message);
    }
}
