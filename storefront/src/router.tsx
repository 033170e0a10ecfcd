import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from "react"

/** A history router in a few lines: the app has a handful of paths and no nested layouts. */
type Router = { path: string; search: URLSearchParams; navigate: (to: string, replace?: boolean) => void }
const Context = createContext<Router | null>(null)

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }))
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search })
    window.addEventListener("popstate", onPop)
    return () => window.removeEventListener("popstate", onPop)
  }, [])
  const navigate = (to: string, replace = false) => {
    if (replace) window.history.replaceState(null, "", to)
    else window.history.pushState(null, "", to)
    setLocation({ path: window.location.pathname, search: window.location.search })
    if (!replace) window.scrollTo(0, 0)
  }
  return (
    <Context.Provider value={{ path: location.path, search: new URLSearchParams(location.search), navigate }}>{children}</Context.Provider>
  )
}

export function useRouter(): Router {
  const value = useContext(Context)
  if (!value) throw new Error("useRouter outside RouterProvider")
  return value
}

export function Link({ to, children, className, testId }: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const { navigate } = useRouter()
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} onClick={onClick} className={className} data-testid={testId}>
      {children}
    </a>
  )
}
