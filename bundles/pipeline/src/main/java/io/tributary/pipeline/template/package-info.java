/** The built-in pipeline templates, shipped as resources of this bundle. */
package io.tributary.pipeline.template;
