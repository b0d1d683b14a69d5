package io.tributary.node.flow.template;

import java.time.Duration;

/**
 * What one render of a {@code template-transform} template may use. A template is user code running in the
 * server's heap and on an engine thread, so each of these ends a render that exceeds it, with an error that
 * names the limit and its setting (PID {@code io.tributary.node.template_transform}):
 *
 * @param maxOutputLength   characters of output ({@code max.output.length}, Dify's
 *                          {@code TEMPLATE_TRANSFORM_MAX_LENGTH}, 400,000); also bounds every string the
 *                          template builds
 * @param maxCollectionSize items in one list or dict the template reads or builds ({@code max.collection.size})
 * @param maxRenderTime     wall-clock time of one render ({@code max.render.time.ms})
 * @param maxRenderMemory   bytes the rendering thread may allocate during one render
 *                          ({@code max.render.memory.mb}); it bounds what a render can hold, whatever shape
 *                          it builds (lists of lists stay under the collection limit each)
 */
public record TemplateLimits(long maxOutputLength, int maxCollectionSize, Duration maxRenderTime, long maxRenderMemory) {
    /** The defaults of {@link TemplateTransformNodeType.Config}. */
    public static final TemplateLimits DEFAULTS = new TemplateLimits(400_000, 100_000, Duration.ofSeconds(15),
            256L << 20);

    public TemplateLimits {
        if (maxOutputLength <= 0 || maxCollectionSize <= 0 || maxRenderTime.isNegative() || maxRenderTime.isZero()
                || maxRenderMemory <= 0) {
            throw new IllegalArgumentException("template limits must be positive: " + maxOutputLength + ", "
                    + maxCollectionSize + ", " + maxRenderTime + ", " + maxRenderMemory);
        }
    }

    /** These limits with another output length. */
    public TemplateLimits withMaxOutputLength(long length) {
        return new TemplateLimits(length, maxCollectionSize, maxRenderTime, maxRenderMemory);
    }
}
