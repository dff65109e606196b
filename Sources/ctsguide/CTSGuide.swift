import ArgumentParser
import GuideSite

@main
struct CTSGuide: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctsguide",
        abstract: "Build and check the caregiver-training coding guide, and compute claim lines.",
        subcommands: [])
}
