import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData, CallInput, CallName, CallOutput } from '../../../shared/contract';
import { call } from './client';

export interface CallState<T> {
  data: T | undefined;
  error: AppErrorData | undefined;
  loading: boolean;
  reload(): void;
}

/** Runs a read-only call when the component mounts (and on reload); keeps the last good data. */
export function useCall<N extends CallName>(name: N, input: CallInput<N>): CallState<CallOutput<N>> {
  const [state, setState] = useState<Omit<CallState<CallOutput<N>>, 'reload'>>({ data: undefined, error: undefined, loading: true });
  const inputKey = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: inputKey stands for input's content
  useEffect(() => {
    let live = true;
    setState((previous) => ({ ...previous, loading: true }));
    void call(name, inputRef.current).then((result) => {
      if (!live) return;
      setState((previous) =>
        result.ok ? { data: result.value, error: undefined, loading: false } : { data: previous.data, error: result.error, loading: false },
      );
    });
    return () => {
      live = false;
    };
  }, [name, inputKey, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
