package io.tributary.api.engine;

/** No installed node type matches a (type, version) requirement. */
public class NodeTypeNotInstalledException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final String version;

    public NodeTypeNotInstalledException(String type, String version) {
        super("node type '" + type + "' version '" + (version == null || version.isEmpty() ? "latest" : version)
                + "' is not installed");
        this.type = type;
        this.version = version;
    }

    public String type() {
        return type;
    }

    public String version() {
        return version;
    }
}
