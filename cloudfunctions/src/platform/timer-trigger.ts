/** The name each function's timer trigger is deployed under (config.json, createTimeTrigger). */
export const timerTriggerName = (functionName: string) => `${functionName}-timer`;
