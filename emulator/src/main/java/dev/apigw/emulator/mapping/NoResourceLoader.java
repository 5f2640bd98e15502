package dev.apigw.emulator.mapping;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;
import org.apache.velocity.util.ExtProperties;

/**
 * The engine's only resource loader: it finds nothing, so {@code #include} and {@code #parse} in a mapping template
 * cannot read files from the machine running the emulator (a template has no files on AWS either).
 */
final class NoResourceLoader extends ResourceLoader {
    @Override
    public void init(ExtProperties configuration) {
        // Nothing to configure.
    }

    @Override
    public Reader getResourceReader(String source, String encoding) {
        throw new ResourceNotFoundException("mapping templates cannot include '" + source + "'");
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
