plugins {
    kotlin("jvm") version "1.9.0"
}

val snakeyamlVersion = "1.26"

dependencies {
    implementation(libs.commons.text)
    implementation(libs.okhttp)
    implementation("org.yaml:snakeyaml:$snakeyamlVersion")
    testImplementation(libs.junit.jupiter)
    implementation(libs.not.there)
}
