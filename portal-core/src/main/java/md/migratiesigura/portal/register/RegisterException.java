package md.migratiesigura.portal.register;

import java.util.List;

/** An entry or a change refused, with the reason and the values its message names; nothing was saved. */
public class RegisterException extends RuntimeException {

    private final RegisterProblem problem;
    private final List<String> arguments;

    public RegisterException(RegisterProblem problem, String... arguments) {
        super(problem.name() + (arguments.length == 0 ? "" : " " + List.of(arguments)), null, false, false);
        this.problem = problem;
        this.arguments = List.of(arguments);
    }

    public RegisterProblem problem() {
        return problem;
    }

    public List<String> arguments() {
        return arguments;
    }
}
