package dev.streamscout.core.chatlog;

/** The recorded-chat formats {@link ChatLogReader} understands. */
public enum ChatLogFormat {
    /** tcd text: {@code [H:MM:SS] <user> message}, offset from the VOD start. */
    TCD_TEXT,
    /** rechat text: {@code <unix_seconds> <user>: message}. */
    RECHAT_TEXT,
    /** Plain offset log without usernames: {@code H:MM:SS message}. */
    PLAIN_OFFSET,
    /** Twitch v5 / TwitchDownloader comments JSON ({@code content_offset_seconds}, {@code commenter.name}). */
    V5_JSON,
    /** Twitch GQL {@code VideoComment} JSON ({@code contentOffsetSeconds}, {@code commenter.login}). */
    GQL_JSON,
    /** JSON lines of StreamScout's own {@code ChatMessage} (what the ingest writes to Kafka). */
    CHAT_MESSAGE_JSONL
}
