// The globals @web/test-runner's mocha puts on the test page; declared here rather than adding @types/mocha.
type MochaDone = (error?: unknown) => void;
type MochaTest = ((this: unknown) => void | Promise<void>) | ((this: unknown, done: MochaDone) => void);

declare function describe(title: string, suite: (this: unknown) => void): void;
declare function it(title: string, test?: MochaTest): void;
declare function before(hook: MochaTest): void;
declare function after(hook: MochaTest): void;
declare function beforeEach(hook: MochaTest): void;
declare function afterEach(hook: MochaTest): void;
