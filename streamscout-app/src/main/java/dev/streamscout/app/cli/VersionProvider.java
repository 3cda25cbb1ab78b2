package dev.streamscout.app.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar's manifest. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"streamscout " + (version == null ? "(development build)" : version)};
    }
}
