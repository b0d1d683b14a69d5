package io.tributary.api.dsl;

/**
 * The {@code app} (for {@code kind: app}) or {@code rag_pipeline} block of a DSL. Absent strings are empty,
 * never {@code null}, except {@code mode}.
 *
 * @param name           display name
 * @param mode           app mode ({@code workflow}); {@code null} for a pipeline
 * @param description    description
 * @param icon           emoji, file id or URL, according to {@code iconType}
 * @param iconType       {@code emoji}, {@code image} or {@code link}
 * @param iconBackground background colour of an emoji icon, e.g. {@code #FFEAD5}
 * @param iconUrl        icon URL (pipelines)
 */
public record DslMetadata(String name, String mode, String description, String icon, String iconType,
                          String iconBackground, String iconUrl) {
    public DslMetadata {
        name = orEmpty(name);
        description = orEmpty(description);
        icon = orEmpty(icon);
        iconType = orEmpty(iconType);
        iconBackground = orEmpty(iconBackground);
        iconUrl = orEmpty(iconUrl);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
