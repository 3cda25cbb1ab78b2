package dev.streamscout.sim;

/** Endpoints whose next calls can be made to fail on purpose (see {@link TwitchSimulator#failNext}). */
public enum SimEndpoint {
    GET_STREAMS,
    CREATE_CLIP,
    GET_CLIPS,
    GET_USERS,
    GET_VIDEOS,
    OAUTH_TOKEN,
    OAUTH_VALIDATE,
    OAUTH_DEVICE
}
