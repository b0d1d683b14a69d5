package io.tributary.api.dsl;

/** The DSL's top-level {@code kind}. */
public enum DslKind {
    /** {@code kind: app}, metadata under {@code app}. Only {@code app.mode: workflow} is runnable here. */
    APP("app"),
    /** {@code kind: rag_pipeline}, metadata under {@code rag_pipeline}: a knowledge pipeline. */
    RAG_PIPELINE("rag_pipeline");

    private final String dslName;

    DslKind(String dslName) {
        this.dslName = dslName;
    }

    /** The value as written in the DSL. */
    public String dslName() {
        return dslName;
    }

    /** The kind with this DSL name, or {@code null}. */
    public static DslKind fromDslName(String name) {
        for (DslKind k : values()) {
            if (k.dslName.equals(name)) {
                return k;
            }
        }
        return null;
    }
}
