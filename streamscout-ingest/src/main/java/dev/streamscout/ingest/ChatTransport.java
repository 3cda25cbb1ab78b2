package dev.streamscout.ingest;

/**
 * How the chat connections reach Twitch: TLS over TCP (Twitch's port 6697, the default), plain TCP
 * (local simulators), or WebSocket ({@code wss://irc-ws.chat.twitch.tv:443}, for networks that only
 * let HTTPS out).
 */
public enum ChatTransport { TLS, TCP, WEBSOCKET }
