package org.asimov.capture.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.asimov.core.system.CpuInfo;
import org.asimov.core.system.Gpu;
import org.asimov.core.system.OsRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine readers on files shaped like the kernel's and the distributions' own. */
class TestMachineReaders {
    @TempDir
    Path root;

    void write(String absolute, String text) throws IOException {
        Path file = root.resolve(absolute.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    HostFiles files() {
        return new HostFiles(root);
    }

    @Test
    void osReleaseWithQuotesAndEscapes() throws IOException {
        write("/etc/os-release", """
                NAME="Rocky Linux"
                VERSION="9.3 (Blue Onyx)"
                ID="rocky"
                ID_LIKE="rhel centos fedora"
                VERSION_ID="9.3"
                PRETTY_NAME="Rocky Linux 9.3 (Blue \\"Onyx\\")"
                # a comment
                ANSI_COLOR='0;32'
                """);
        OsRelease os = new OsReleaseReader(files()).read();
        assertThat(os).isEqualTo(new OsRelease("rocky", "Rocky Linux", "9.3", "Rocky Linux 9.3 (Blue \"Onyx\")"));
    }

    @Test
    void osReleaseFallsBackToUsrLibAndThenToUnknown() throws IOException {
        assertThat(new OsReleaseReader(files()).read()).isEqualTo(OsRelease.UNKNOWN);
        assertThat(OsRelease.UNKNOWN.displayName()).isEqualTo("unknown operating system");
        write("/usr/lib/os-release", "NAME=Alpine Linux\nID=alpine\nVERSION_ID=3.19.1\n");
        OsRelease os = new OsReleaseReader(files()).read();
        assertThat(os.id()).isEqualTo("alpine");
        assertThat(os.displayName()).isEqualTo("Alpine Linux 3.19.1");
    }

    @Test
    void x86CpuKeepsOnlyDispatchFlags() throws IOException {
        String processor = """
                processor	: %d
                vendor_id	: GenuineIntel
                model name	: Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz
                flags		: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush dts acpi mmx fxsr sse sse2 ss ht tm pbe syscall nx pdpe1gb rdtscp lm constant_tsc pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 popcnt aes xsave avx f16c rdrand lahf_lm abm bmi1 avx2 bmi2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_vnni md_clear flush_l1d arch_capabilities
                bugs		: spectre_v1 spectre_v2

                """;
        write("/proc/cpuinfo", processor.formatted(0) + processor.formatted(1));
        CpuInfo cpu = new CpuInfoReader(files()).read();
        assertThat(cpu.model()).isEqualTo("Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz");
        assertThat(cpu.logicalCpus()).isEqualTo(2);
        assertThat(cpu.flags()).containsExactly("sse", "sse2", "pni", "pclmulqdq", "ssse3", "fma", "sse4_1", "sse4_2",
                "popcnt", "aes", "avx", "f16c", "bmi1", "avx2", "bmi2", "avx512f", "avx512dq", "avx512cd", "avx512bw",
                "avx512vl", "avx512_vnni");
    }

    @Test
    void armCpuReadsFeatures() throws IOException {
        write("/proc/cpuinfo", """
                processor	: 0
                BogoMIPS	: 243.75
                Features	: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm jscvt fcma lrcpc dcpop sha3 sm3 sm4 asimddp sha512 sve asimdfhm dit uscat ilrcpc flagm ssbs sb paca pacg dcpodp sve2 sveaes svepmull svebitperm svesha3 svesm4 flagm2 frint svei8mm svebf16 i8mm bf16 dgh rng bti
                CPU implementer	: 0x41
                CPU architecture: 8
                CPU variant	: 0x0
                CPU part	: 0xd4f
                CPU revision	: 1

                """);
        CpuInfo cpu = new CpuInfoReader(files()).read();
        assertThat(cpu.model()).isNull();
        assertThat(cpu.flags()).containsExactly("fp", "asimd", "aes", "fphp", "asimdhp", "asimdrdm", "asimddp", "sve", "asimdfhm",
                "sve2", "svei8mm", "svebf16", "i8mm", "bf16");
    }

    @Test
    void memoryAndKernel() throws IOException {
        write("/proc/meminfo", "MemTotal:       263842476 kB\nMemFree:        20405392 kB\n");
        write("/proc/sys/kernel/osrelease", "5.14.0-362.8.1.el9_3.x86_64\n");
        write("/proc/sys/kernel/hostname", "node042.cluster\n");
        assertThat(new MemInfoReader(files()).totalBytes()).isEqualTo(263842476L * 1024);
        KernelReader kernel = new KernelReader(files());
        assertThat(kernel.release()).isEqualTo("5.14.0-362.8.1.el9_3.x86_64");
        assertThat(kernel.hostname()).contains("node042.cluster");
        // no /proc/sys/kernel/arch (before Linux 6.1): the JVM's name, in uname's spelling
        assertThat(kernel.architecture()).isEqualTo(KernelReader.unameSpelling(System.getProperty("os.arch")));
        assertThat(KernelReader.unameSpelling("amd64")).isEqualTo("x86_64");
    }

    @Test
    void nvidiaSmiOnPathIsAskedAndAbsentMeansNoGpus() throws IOException {
        NvidiaSmiProbe probe = new NvidiaSmiProbe(Duration.ofSeconds(5));
        assertThat(probe.probe(Map.of("PATH", root.toString())).gpus()).isEmpty();

        Path bin = Files.createDirectories(root.resolve("bin"));
        Path smi = bin.resolve("nvidia-smi");
        // prints what the real driver prints for this query, and insists on being asked that way
        Files.writeString(smi, """
                #!/bin/sh
                [ "$1" = "--query-gpu=name,driver_version,memory.total" ] && [ "$2" = "--format=csv,noheader" ] || exit 6
                echo "NVIDIA A100-SXM4-40GB, 535.104.05, 40960 MiB"
                echo "NVIDIA A100-SXM4-40GB, 535.104.05, 40960 MiB"
                """);
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        NvidiaSmiProbe.Result result = probe.probe(Map.of("PATH", "/nonexistent:" + bin));
        assertThat(result.warning()).isEmpty();
        assertThat(result.gpus()).hasSize(2).first().isEqualTo(new Gpu("NVIDIA A100-SXM4-40GB", "535.104.05", "40960 MiB"));
    }

    @Test
    void hungNvidiaSmiIsKilledAndReported() throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path smi = bin.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\nexec sleep 30\n");
        Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
        long start = System.nanoTime();
        NvidiaSmiProbe.Result result = new NvidiaSmiProbe(Duration.ofMillis(300)).probe(Map.of("PATH", bin.toString()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.gpus()).isEmpty();
        assertThat(result.warning()).get().asString().contains("did not answer");
    }

    @Test
    void extensionModuleNames() {
        assertThat(ExtensionModuleFinder.isExtensionModule("_multiarray_umath.cpython-311-x86_64-linux-gnu.so")).isTrue();
        assertThat(ExtensionModuleFinder.isExtensionModule("_rust.abi3.so")).isTrue();
        assertThat(ExtensionModuleFinder.isExtensionModule("_foo.so")).isTrue();
        assertThat(ExtensionModuleFinder.isExtensionModule("libopenblas64_p-r0-5007b62f.3.23.dev.so")).isFalse();
        assertThat(ExtensionModuleFinder.isExtensionModule("module.py")).isFalse();
        assertThat(ExtensionModuleFinder.isIdentifier("numpy")).isTrue();
        assertThat(ExtensionModuleFinder.isIdentifier("numpy.libs")).isFalse();
        assertThat(ExtensionModuleFinder.isIdentifier("site-packages")).isFalse();
        assertThat(ExtensionModuleFinder.isIdentifier("_private2")).isTrue();
        assertThat(ExtensionModuleFinder.isIdentifier("données")).isTrue();
        assertThat(ExtensionModuleFinder.isIdentifier("\uD835\uDC9Cbc")).isTrue(); // a letter outside the BMP
        assertThat(ExtensionModuleFinder.isIdentifier("2fast")).isFalse();
        assertThat(ExtensionModuleFinder.isIdentifier("a$b")).isFalse();
        assertThat(ExtensionModuleFinder.isIdentifier("")).isFalse();
    }

    /** The walk over sys.path, on a tree made for it: what it enters, what it leaves out, and nothing twice. */
    @Test
    void extensionModulesAreFoundOnceInImportableDirectoriesOnly(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path a = touch(site.resolve("pkg/_a.cpython-311-x86_64-linux-gnu.so"));
        Path b = touch(site.resolve("pkg/sub/_b.abi3.so"));
        Path inner = touch(site.resolve("pkg/inner/_c.so"));
        touch(site.resolve("pkg.libs/libbundled-1a2b.so"));
        touch(site.resolve("pkg/__pycache__/_stale.so"));
        touch(site.resolve("pkg/libhelper.so"));
        touch(dir.resolve("elsewhere/other/_d.so"));
        Files.createSymbolicLink(site.resolve("linked"), dir.resolve("elsewhere/other"));
        Files.createSymbolicLink(dir.resolve("site-again"), site);

        List<Path> modules = ExtensionModuleFinder.find(List.of(site.toString(), dir.resolve("site-again").toString(),
                site.resolve("pkg/inner").toString(), dir.resolve("missing").toString(), ""));

        assertThat(modules).containsExactlyInAnyOrder(a, b, inner);
    }

    private static Path touch(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }
}
