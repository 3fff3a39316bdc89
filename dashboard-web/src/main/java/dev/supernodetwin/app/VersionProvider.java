package dev.supernodetwin.app;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TwinCli.class.getPackage().getImplementationVersion();
        return new String[] {"supernode-twin " + (v == null ? "development" : v)};
    }
}
