import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorDetails } from './error-details';

interface Props {
  children: ReactNode;
}

interface State {
  error: unknown;
  hasError: boolean;
}

/** Last line of defence around the whole app (route errors are caught by the router first). */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, hasError: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, hasError: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled error in the control center UI', error, info.componentStack);
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <main className="page page-error" id="main">
        <section className="card error-card" role="alert">
          <ErrorDetails error={this.state.error} headingLevel={1} />
          <div className="actions">
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>
          </div>
        </section>
      </main>
    );
  }
}
