/**
 * The single choke point for IPC: every handler is registered through `handle`, which refuses
 * senders that are not the top frame of our window on app://relais, then validates the arguments,
 * and only then calls the handler. No handler ever sees an unchecked message.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { BRIDGE_ERRORS, IPC_CHANNELS, type BridgeCall, type CallValidator, type RequestOf, type ResultOf } from '../shared/contract';
import { errorCode, log } from './log';
import { isAppUrl } from './protocol';

export interface HandlerContext {
  window: BrowserWindow;
  event: IpcMainInvokeEvent;
}

let trustedWindow: BrowserWindow | null = null;

/** The window whose top frame may call us; null (e.g. while closed) refuses everyone. */
export function setTrustedWindow(window: BrowserWindow | null): void {
  trustedWindow = window;
}

/**
 * A sender is trusted when it is our window's web contents, its frame is the top frame (not an
 * iframe) and that frame shows our origin. Protocol and host are compared because
 * `new URL('app://relais/x').origin` is "null" for non-special schemes.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): window is BrowserWindow {
  if (window === null || window.isDestroyed()) return false;
  const frame: WebFrameMain | null = event.senderFrame;
  if (frame === null) return false; // navigated away or destroyed meanwhile
  // Compare ids, not objects: Electron may hand out distinct wrappers for the same frame.
  if (event.sender.id !== window.webContents.id) return false;
  const isTopFrame = frame.parent === null && frame.frameTreeNodeId === window.webContents.mainFrame.frameTreeNodeId;
  return isTopFrame && isAppUrl(frame.url);
}

export type Handler<K extends BridgeCall> = (argument: RequestOf<K>, context: HandlerContext) => Promise<ResultOf<K>> | ResultOf<K>;

/**
 * Register the handler of one bridge call. Everything is keyed by the call's name `K`: the channel
 * string comes from IPC_CHANNELS, the validator must be the one stamped for `K` and the handler must
 * take `K`'s request and give `K`'s result — so a handler cannot be paired with another call's
 * validator (ipc.types.test.ts holds the type-checker to it). NoInfer: `K` comes from `call` alone.
 */
export function handle<K extends BridgeCall>(call: K, validate: CallValidator<NoInfer<K>>, handler: Handler<NoInfer<K>>): void {
  // The same rule at run time, for anyone who silenced the compiler with a cast.
  if (validate.forCall !== call) throw new Error(`validator of ${validate.forCall} given for ${call}`);
  const channel = IPC_CHANNELS[call];
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    try {
      const window = trustedWindow;
      if (!isTrustedSender(event, window)) {
        throw new Error(`${BRIDGE_ERRORS.untrustedSender}: ${channel}`);
      }
      const argument = validate(args); // throws BridgeArgumentError
      return await handler(argument, { window, event });
    } catch (error) {
      log('call-failed', { call, code: errorCode(error) }); // the code only: messages may hold paths
      throw error;
    }
  });
}
