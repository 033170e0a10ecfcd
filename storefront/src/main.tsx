import { StrictMode } from "react"
import { createRoot } from "react-dom/client"
import { App } from "./App"
import { I18nProvider } from "./i18n"
import { RouterProvider } from "./router"
import { ShopProvider } from "./store"
import "./styles.css"

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <RouterProvider>
        <ShopProvider>
          <App />
        </ShopProvider>
      </RouterProvider>
    </I18nProvider>
  </StrictMode>
)
