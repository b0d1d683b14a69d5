package io.tributary.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tributary.api.datasource.DatasourceProperties;
import io.tributary.api.datasource.DatasourceType;
import io.tributary.api.datasource.LocalFileSource;
import io.tributary.api.pipeline.PipelineImport;
import io.tributary.engine.registry.DatasourceRegistryImpl;

/**
 * Issue #11 "Dify's own pipeline templates": what Dify imports we import, with a warning each instead of a refusal —
 * pipeline variables of a node that is not in the graph (dropped) and a datasource provider that is not installed.
 */
class ImportWarningsTest extends PipelineFixture {
    private static final String NOT_INSTALLED = "node '" + FILE_NODE + "': datasource provider 'langgenius/file/file' "
            + "(local_file) is not installed; the pipeline is imported and its runs fail until the provider is installed";

    private PipelineServiceImpl withFileProvider() {
        DatasourceRegistryImpl providers = new DatasourceRegistryImpl();
        LocalFileSource files = (LocalFileSource) java.lang.reflect.Proxy.newProxyInstance(
                LocalFileSource.class.getClassLoader(), new Class<?>[] {LocalFileSource.class}, (p, m, a) -> {
                    if (m.getName().equals("descriptor")) {
                        return null; // known by its service property alone
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        providers.add(DatasourceType.LOCAL_FILE, files, Map.of(DatasourceProperties.PROVIDER, "langgenius/file"));
        return new PipelineServiceImpl(importer, datasets, engine, runs, providers, Clock.systemDefaultZone());
    }

    @Test
    void aCleanPipelineWithItsProviderInstalledHasNoWarnings() throws Exception {
        PipelineImport imported = withFileProvider().importPipeline(template(), "");
        assertEquals(List.of(), imported.warnings());
    }

    @Test
    void aProviderThatIsNotInstalledImportsWithAWarningSayingWhich() throws Exception {
        PipelineImport imported = service.importPipeline(template(), "");
        assertEquals(List.of(NOT_INSTALLED), imported.warnings());
        assertEquals(imported.dataset(), datasets.dataset(imported.dataset().id()).orElseThrow());
    }

    @Test
    void variablesOfANodeThatIsNotInTheGraphAreDroppedWithAWarning() throws Exception {
        String dsl = template().replace("  rag_pipeline_variables:\n", """
                  rag_pipeline_variables:
                  - belong_to_node_id: '1751336942081'
                    type: text-input
                    label: URL
                    variable: url
                    required: true
                """);
        PipelineImport imported = withFileProvider().importPipeline(dsl, "");
        assertEquals(List.of("rag_pipeline_variables[0] 'url' belongs to node '1751336942081', which is not in the "
                + "graph: it is dropped"), imported.warnings());
        // the pipeline runs without it: the variable is asked of no one
        service.publish(imported.dataset().id());
        assertEquals(1, service.datasourcePlugins(imported.dataset().id(), true).size());
        assertEquals(List.of(), service.datasourcePlugins(imported.dataset().id(), true).get(0).userInputVariables()
                .stream().filter(v -> "url".equals(v.get("variable"))).toList());
    }
}
