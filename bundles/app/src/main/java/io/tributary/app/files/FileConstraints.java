package io.tributary.app.files;

import java.util.List;
import java.util.Locale;

import io.tributary.api.app.StartForm;
import io.tributary.api.model.DifyFile;

/**
 * What a start form's file variable allows, as Dify checks it: {@code allowed_file_types} (a {@code custom} entry
 * admits any file whose extension is in {@code allowed_file_extensions}), {@code allowed_file_extensions} for
 * {@code custom} files, {@code allowed_file_upload_methods}. An empty list allows anything.
 */
final class FileConstraints {
    private FileConstraints() {
    }

    /** Refuses the file with {@code invalid_param} naming the variable and what it allows. */
    static void check(StartForm.Field v, DifyFile file) {
        String type = file.type();
        String ext = file.extension() == null ? "" : file.extension().toLowerCase(Locale.ROOT);
        String method = file.transferMethod();
        List<String> extensions = v.extensions();
        boolean extensionAllowed = extensions.stream().anyMatch(e -> e.equalsIgnoreCase(ext)
                || ("." + e).equalsIgnoreCase(ext));
        if (!v.fileTypes().isEmpty() && !v.fileTypes().contains(type)
                && !(v.fileTypes().contains("custom") && (extensions.isEmpty() || extensionAllowed))) {
            throw RunFiles.invalid(v.variable() + ": file type " + type + " is not allowed; allowed: " + v.fileTypes());
        }
        if ("custom".equals(type) && !extensions.isEmpty() && !extensionAllowed) {
            throw RunFiles.invalid(v.variable() + ": file extension " + ext + " is not allowed; allowed: " + extensions);
        }
        if (!v.methods().isEmpty() && !v.methods().contains(method)) {
            throw RunFiles.invalid(v.variable() + ": upload method " + method + " is not allowed; allowed: "
                    + v.methods());
        }
    }
}
