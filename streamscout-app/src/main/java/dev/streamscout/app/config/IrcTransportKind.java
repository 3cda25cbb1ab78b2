package dev.streamscout.app.config;

/** How the chat client reaches Twitch: TLS over TCP (Twitch's 6697), plain TCP, or WebSocket. */
public enum IrcTransportKind { TLS, TCP, WEBSOCKET }
