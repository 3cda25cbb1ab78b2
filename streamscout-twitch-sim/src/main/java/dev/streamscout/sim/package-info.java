/**
 * A Twitch stand-in on 127.0.0.1 for the demo and end-to-end tests.
 *
 * <p>{@link dev.streamscout.sim.TwitchSimulator} is the entry point; {@link dev.streamscout.sim.SimulatorSettings}
 * shapes it. Sub-packages: {@code world} (channels, hype schedule, clips, tokens, faults), {@code chat}
 * (chatters, emotes, message text, USERNOTICEs and the generator), {@code irc} (the chat server and its
 * TCP, TLS and WebSocket transports), {@code http}
 * (Helix, OAuth and {@code /sim}). Only the types in this package are meant to be used from outside.
 */
package dev.streamscout.sim;
