// The session every Brook front end uses: the planner's session with the runtime's pieces installed.
import BrookPlanner
import BrookStorage

/// Builds sessions with connector option checks and the runtime's extra SQL functions, so the
/// command line, the shell and tests all plan against the same engine.
public enum EngineSession {
    public static func make(home: BrookHome?, persist: Bool = true) throws -> Session {
        let session = try Session(home: home, persist: persist, extendFunctions: { SentimentFunctions.install(into: &$0) })
        session.tableValidator = ConnectorOptions.sessionValidator
        return session
    }
}
