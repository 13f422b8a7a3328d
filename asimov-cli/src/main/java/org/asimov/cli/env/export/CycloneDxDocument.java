package org.asimov.cli.env.export;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.github.packageurl.PackageURL;

import org.asimov.core.environment.CondaExportParser;
import org.asimov.core.environment.EnvironmentType;
import org.asimov.core.environment.PackageNames;
import org.asimov.core.environment.PackageRecord;
import org.asimov.core.error.AsimovException;
import org.asimov.core.error.ErrorKind;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * A captured environment as a CycloneDX bill of materials (spec 1.6, JSON), made with the
 * CycloneDX Java library:
 * <ul>
 *   <li>{@code metadata.component}: the environment itself (type {@code application}, named by the
 *       record), with asimov's fingerprint, capture time and environment type as
 *       {@code asimov:} properties; {@code metadata.timestamp} is when the document was made.</li>
 *   <li>the Python interpreter: type {@code platform} ("a runtime environment which interprets
 *       software"), named by its implementation, purl {@code pkg:generic/cpython@3.11.7}.</li>
 *   <li>the operating system, when the capture recorded it: type {@code operating-system}, named
 *       and versioned by os-release's ID and VERSION_ID.</li>
 *   <li>every package, type {@code library}, with its purl as bom-ref (see {@link PackageUrls}). In a
 *       conda environment conda's list is the inventory: conda packages as {@code pkg:conda}, the
 *       distributions pip installed ({@code pypi_0}, {@code dev_0}) as {@code pkg:pypi} with what
 *       pip freeze says of them (and conda's version where pip freeze names none); pip freeze's lines for conda-installed distributions are the same
 *       packages and are not listed twice. Where pip installed from (direct URL, VCS, editable
 *       directory) is an external reference.</li>
 *   <li>dependencies: the environment depends on every component; package-to-package edges are
 *       not recorded, so they are left out (unknown, not "none").</li>
 * </ul>
 */
public final class CycloneDxDocument {
    public static final Version SPEC_VERSION = Version.VERSION_16;
    static final String PROPERTY_PREFIX = "asimov:";
    private static final String ENVIRONMENT_REF = "asimov-environment";
    private static final String INTERPRETER_REF = "python-interpreter";
    private static final String OS_REF = "operating-system";
    private static final Set<String> PIP_BUILDS_IN_CONDA = Set.of(CondaExportParser.PYPI_BUILD, "dev_0");

    private CycloneDxDocument() {
    }

    /** The document as JSON text. */
    public static String render(ExportedEnvironment environment, Instant now) {
        try {
            return BomGeneratorFactory.createJson(SPEC_VERSION, bom(environment, now)).toJsonString(true) + "\n";
        } catch (GeneratorException e) {
            throw new AsimovException(ErrorKind.INTERNAL, "the CycloneDX library could not write the document: "
                    + e.getMessage(), e);
        }
    }

    public static Bom bom(ExportedEnvironment exported, Instant now) {
        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.randomUUID());
        bom.setMetadata(metadata(exported, now));

        Dependency root = new Dependency(ENVIRONMENT_REF);
        List<Component> components = new ArrayList<>();
        components.add(interpreter(exported));
        if (exported.hasOs()) {
            components.add(operatingSystem(exported));
        }
        Set<String> refs = new HashSet<>(Set.of(ENVIRONMENT_REF, INTERPRETER_REF, OS_REF));
        for (PackageRecord record : inventory(exported)) {
            Component component = library(record, purl(record, exported));
            component.setBomRef(unique(component.getPurl(), refs));
            components.add(component);
        }
        components.forEach(c -> root.addDependency(new Dependency(c.getBomRef())));
        bom.setComponents(components);
        bom.setDependencies(new ArrayList<>(List.of(root)));
        return bom;
    }

    /** The packages that become components, in record order (see the class comment for conda). */
    static List<PackageRecord> inventory(ExportedEnvironment exported) {
        List<PackageRecord> packages = exported.environment().packages();
        if (exported.environment().type() != EnvironmentType.CONDA) {
            return packages;
        }
        Map<String, PackageRecord> pip = new HashMap<>();
        packages.stream().filter(p -> p.manager().equals("pip")).forEach(p -> pip.putIfAbsent(PackageNames.canonical(p.name()), p));
        List<PackageRecord> inventory = new ArrayList<>();
        for (PackageRecord record : packages) {
            if (record.manager().equals("conda") && PIP_BUILDS_IN_CONDA.contains(record.build())) {
                // pip freeze names the source of a direct-URL install but not its version; conda's line has it
                PackageRecord fromPip = pip.get(PackageNames.canonical(record.name()));
                inventory.add(fromPip == null
                        ? PackageRecord.pip(record.name(), record.version(), null, "dev_0".equals(record.build()))
                        : PackageRecord.pip(fromPip.name(), fromPip.version().isEmpty() ? record.version() : fromPip.version(),
                                fromPip.sourceUrl(), fromPip.editable()));
            } else if (!record.manager().equals("pip")) {
                inventory.add(record);
            }
        }
        return inventory;
    }

    static PackageURL purl(PackageRecord record, ExportedEnvironment exported) {
        return switch (record.manager()) {
            case "pip" -> PackageUrls.pypi(record.name(), record.version());
            case "conda" -> PackageUrls.conda(record, exported.condaSubdirs().get(record.name()));
            case "dpkg" -> PackageUrls.deb(record, exported.os(), exported.architecture());
            case "rpm" -> PackageUrls.rpm(record, exported.os(), exported.architecture());
            default -> PackageUrls.generic(record);
        };
    }

    private static Metadata metadata(ExportedEnvironment exported, Instant now) {
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(now));
        Component asimov = new Component();
        asimov.setType(Component.Type.APPLICATION);
        asimov.setName("asimov");
        String version = CycloneDxDocument.class.getPackage().getImplementationVersion();
        if (version != null) {
            asimov.setVersion(version);
        }
        ToolInformation tools = new ToolInformation();
        tools.setComponents(new ArrayList<>(List.of(asimov)));
        metadata.setToolChoice(tools);

        Component environment = new Component();
        environment.setType(Component.Type.APPLICATION);
        environment.setBomRef(ENVIRONMENT_REF);
        environment.setName(exported.label());
        environment.setDescription("the software environment asimov captured for " + exported.label());
        metadata.setComponent(environment);

        List<Property> properties = new ArrayList<>();
        properties.add(property("fingerprint", exported.environment().fingerprint()));
        properties.add(property("captured_at", exported.environment().capturedAt().toString()));
        properties.add(property("environment_type", exported.environment().type().key()));
        if (exported.condaEnvName() != null) {
            properties.add(property("conda_env_name", exported.condaEnvName()));
        }
        metadata.setProperties(properties);
        return metadata;
    }

    private static Component interpreter(ExportedEnvironment exported) {
        Component python = new Component();
        python.setType(Component.Type.PLATFORM);
        python.setBomRef(INTERPRETER_REF);
        String implementation = exported.environment().implementation();
        python.setName(implementation == null ? "python" : implementation);
        python.setVersion(exported.environment().pythonVersion());
        python.setPurl(PackageUrls.interpreter(implementation, exported.environment().pythonVersion()));
        if (exported.environment().sysVersion() != null) {
            python.setDescription(exported.environment().sysVersion());
        }
        List<Property> properties = new ArrayList<>();
        if (exported.environment().platform() != null) {
            properties.add(property("platform", exported.environment().platform()));
        }
        if (exported.pythonExecutable() != null) {
            properties.add(property("python_executable", exported.pythonExecutable()));
        }
        python.setProperties(properties.isEmpty() ? null : properties);
        return python;
    }

    private static Component operatingSystem(ExportedEnvironment exported) {
        Component os = new Component();
        os.setType(Component.Type.OPERATING_SYSTEM);
        os.setBomRef(OS_REF);
        os.setName(exported.os().id() != null ? exported.os().id() : exported.os().name());
        os.setVersion(exported.os().versionId());
        os.setDescription(exported.os().displayName());
        List<Property> properties = new ArrayList<>();
        if (exported.architecture() != null) {
            properties.add(property("architecture", exported.architecture()));
        }
        if (exported.kernel() != null) {
            properties.add(property("kernel", exported.kernel()));
        }
        os.setProperties(properties.isEmpty() ? null : properties);
        return os;
    }

    private static Component library(PackageRecord record, PackageURL purl) {
        Component component = new Component();
        component.setType(Component.Type.LIBRARY);
        component.setName(record.name());
        if (!record.version().isEmpty()) {
            component.setVersion(record.version());
        }
        component.setPurl(purl);
        List<Property> properties = new ArrayList<>();
        properties.add(property("manager", record.manager()));
        if (record.editable()) {
            properties.add(property("editable", "true"));
        }
        component.setProperties(properties);
        if (record.sourceUrl() != null) {
            component.addExternalReference(source(record.sourceUrl()));
        }
        return component;
    }

    /** Where pip installed a package from: a VCS URL, an archive or a local directory. */
    static ExternalReference source(String sourceUrl) {
        ExternalReference reference = new ExternalReference();
        String url = sourceUrl;
        if (url.startsWith("/")) {
            try {
                url = Path.of(url).toUri().toString();
            } catch (InvalidPathException e) {
                url = "file://" + url.replace(" ", "%20");
            }
        }
        if (url.matches("^(git|hg|svn|bzr)\\+.*")) {
            reference.setType(ExternalReference.Type.VCS);
        } else if (url.startsWith("file:")) {
            reference.setType(ExternalReference.Type.OTHER);
        } else {
            reference.setType(ExternalReference.Type.DISTRIBUTION);
        }
        reference.setUrl(url);
        reference.setComment("where pip installed it from");
        return reference;
    }

    private static Property property(String name, String value) {
        return new Property(PROPERTY_PREFIX + name, value);
    }

    private static String unique(String ref, Set<String> taken) {
        String candidate = ref;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = ref + "#" + i;
        }
        return candidate;
    }
}
