package dev.streamscout.twitch.irc;

/** How a chat connection reaches the server. */
public enum IrcTransportKind {
    /** Plain TCP: Twitch's 6667, or a local simulator. */
    TCP,
    /** TCP with TLS (Twitch's {@code irc.chat.twitch.tv:6697}), certificate and host name verified. */
    TLS,
    /** WebSocket ({@code wss://irc-ws.chat.twitch.tv:443}); each text frame carries one or more CRLF lines. */
    WEBSOCKET
}
