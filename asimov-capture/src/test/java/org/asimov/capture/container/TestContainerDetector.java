package org.asimov.capture.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import org.asimov.capture.system.HostFiles;
import org.asimov.core.system.ContainerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Directory trees and variables laid out as each runtime lays them out inside a container
 * (podman's libpod writes /run/.containerenv with engine/name/id/image/imageid/rootless for
 * privileged containers and leaves it empty otherwise; apptainer's /.singularity.d holds
 * labels.json and env/NN-*.sh; Kubernetes mounts the service-account directory).
 */
class TestContainerDetector {
    static final String ID = "4c01db0b339c5c7a8f0e6c3b1f1d6e1a9b2c3d4e5f60718293a4b5c6d7e8f901";
    static final String IMAGE_ID = "b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1";

    @TempDir
    Path root;

    Path write(String absolute, String text) throws IOException {
        Path file = root.resolve(absolute.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    ContainerDetector.Detection detect(Map<String, String> environment) {
        return new ContainerDetector(new HostFiles(root)).detect(environment);
    }

    @Test
    void bareMachine() throws IOException {
        write("/proc/self/cgroup", "0::/user.slice/user-1000.slice/session-3.scope\n");
        assertThat(detect(Map.of()).container()).isEqualTo(ContainerInfo.NONE);
    }

    @Test
    void dockerWithCgroupV1() throws IOException {
        write("/.dockerenv", "");
        String cgroup = "12:memory:/docker/" + ID + "\n11:cpuset:/docker/" + ID + "\n0::/docker/" + ID + "\n";
        write("/proc/self/cgroup", cgroup);
        write("/proc/1/cgroup", cgroup);
        ContainerInfo info = detect(Map.of()).container();
        assertThat(info.runtime()).isEqualTo("docker");
        assertThat(info.id()).isEqualTo(ID);
        assertThat(info.image()).isNull();
    }

    @Test
    void dockerWithCgroupV2ReadsTheIdFromMountinfo() throws IOException {
        write("/.dockerenv", "");
        write("/proc/self/cgroup", "0::/\n");
        write("/proc/self/mountinfo", "631 620 0:52 / / rw,relatime master:1 - overlay overlay rw\n"
                + "650 631 254:1 /var/lib/docker/containers/" + ID + "/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw\n"
                + "651 631 254:1 /var/lib/docker/containers/" + ID + "/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw\n");
        ContainerInfo info = detect(Map.of()).container();
        assertThat(info.runtime()).isEqualTo("docker");
        assertThat(info.id()).isEqualTo(ID);
    }

    @Test
    void privilegedPodmanNamesItsImage() throws IOException {
        write("/run/.containerenv", "engine=\"podman-4.9.3\"\nname=\"pe-run\"\nid=\"" + ID + "\"\n"
                + "image=\"docker.io/library/debian:12\"\nimageid=\"" + IMAGE_ID + "\"\nrootless=1\ngraphRootMounted=1\n");
        ContainerInfo info = detect(Map.of("container", "podman")).container();
        assertThat(info.runtime()).isEqualTo("podman");
        assertThat(info.id()).isEqualTo(ID);
        assertThat(info.image()).isEqualTo("docker.io/library/debian:12");
        assertThat(info.imageId()).isEqualTo(IMAGE_ID);
        assertThat(info.details()).containsEntry("engine", "podman-4.9.3").containsEntry("rootless", "1")
                .containsEntry("name", "pe-run");
    }

    @Test
    void unprivilegedPodmanLeavesTheFileEmpty() throws IOException {
        write("/run/.containerenv", "");
        write("/proc/self/cgroup", "0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + ID + ".scope/container\n");
        ContainerInfo info = detect(Map.of("container", "podman")).container();
        assertThat(info.runtime()).isEqualTo("podman");
        assertThat(info.id()).isEqualTo(ID);
        assertThat(info.image()).isNull();
    }

    @Test
    void kubernetesPodRecordsNamespaceNotToken() throws IOException {
        String account = "/var/run/secrets/kubernetes.io/serviceaccount";
        write(account + "/namespace", "ligo-pe\n");
        write(account + "/token", "eyJhbGciOiJSUzI1NiIsImtpZCI6InNlY3JldC10b2tlbiJ9.payload.signature");
        write(account + "/ca.crt", "-----BEGIN CERTIFICATE-----\n");
        write("/proc/self/cgroup", "0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1f2e3d4c_5b6a.slice/cri-containerd-" + ID + ".scope\n");
        ContainerInfo info = detect(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443")).container();
        assertThat(info.runtime()).isEqualTo("kubernetes");
        assertThat(info.id()).isEqualTo(ID);
        assertThat(info.details()).containsExactly(Map.entry("namespace", "ligo-pe"));
        assertThat(info.toString()).doesNotContain("eyJhbGci");
    }

    @Test
    void apptainerImageIsHashedAndLabelsRecorded() throws Exception {
        write("/.singularity.d/labels.json", """
                {
                  "org.label-schema.build-arch": "amd64",
                  "org.label-schema.build-date": "Tuesday_3_October_2023_14:2:5_UTC",
                  "org.label-schema.schema-version": "1.0",
                  "org.label-schema.usage.apptainer.version": "1.2.2",
                  "org.label-schema.usage.singularity.deffile.bootstrap": "docker",
                  "org.label-schema.usage.singularity.deffile.from": "debian:12"
                }
                """);
        for (String script : new String[] {"01-base.sh", "10-docker2singularity.sh", "90-environment.sh", "99-base.sh", "99-runtimevars.sh"}) {
            write("/.singularity.d/env/" + script, "#!/bin/sh\nexport PATH=\"/usr/local/bin:/usr/bin:/bin\"\n");
        }
        byte[] image = new byte[3 * (1 << 20) + 12345]; // several 1 MiB reads and a tail
        new Random(7).nextBytes(image);
        Path sif = Files.write(root.resolve("home-images-lalsuite.sif"), image);
        ContainerInfo info = detect(Map.of("APPTAINER_CONTAINER", sif.toString(), "APPTAINER_NAME", "lalsuite.sif")).container();
        assertThat(info.runtime()).isEqualTo("apptainer");
        assertThat(info.imagePath()).isEqualTo(sif.toString());
        assertThat(info.image()).isEqualTo("lalsuite.sif");
        assertThat(info.imageSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
        assertThat(info.details())
                .containsEntry("label.org.label-schema.usage.singularity.deffile.from", "debian:12")
                .containsEntry("label.org.label-schema.usage.apptainer.version", "1.2.2")
                .containsEntry("env_scripts", "01-base.sh,10-docker2singularity.sh,90-environment.sh,99-base.sh,99-runtimevars.sh");
    }

    @Test
    void singularityWithAnImageTheContainerCannotSee() throws IOException {
        write("/.singularity.d/labels.json", "{\"org.label-schema.usage.singularity.version\": \"3.8.7\"}");
        ContainerDetector.Detection detection = detect(Map.of("SINGULARITY_CONTAINER", "/cvmfs/singularity.opensciencegrid.org/lscsoft/lalsuite:7.11",
                "SINGULARITY_NAME", "lalsuite:7.11"));
        assertThat(detection.container().runtime()).isEqualTo("singularity");
        assertThat(detection.container().image()).isEqualTo("lalsuite:7.11");
        assertThat(detection.container().imageSha256()).isNull();
        assertThat(detection.warnings()).singleElement().asString().contains("not visible inside the container");
    }

    @Test
    void singularitySandboxDirectoryIsNotHashed() throws IOException {
        Path sandbox = Files.createDirectories(root.resolve("sandbox"));
        ContainerDetector.Detection detection = detect(Map.of("SINGULARITY_CONTAINER", sandbox.toString()));
        assertThat(detection.container().details()).containsEntry("sandbox", "true");
        assertThat(detection.container().imageSha256()).isNull();
        assertThat(detection.warnings()).isEmpty();
    }

    @Test
    void systemdContainerVariableNamesOtherRuntimes() {
        assertThat(detect(Map.of("container", "lxc")).container().runtime()).isEqualTo("lxc");
    }
}
